"""Build hook: a wheel carries the repository's configs/ and models/default as the package
data mailroom/_data/, where `mailroom.settings.packaged` finds them. An editable install
needs no copy: it finds the repository's folders themselves. Everything else about the
package is in pyproject.toml."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("configs", "models/default")


class BuildWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        for name in SHIPPED:
            target = Path(self.build_lib) / "mailroom" / "_data" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(Path(__file__).parent / name, target)


setup(cmdclass={"build_py": BuildWithData})
