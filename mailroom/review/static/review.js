// Keyboard review and page zoom. No framework, no build step.
// Enter confirms; d / r open the doc type / route list (type to filter, arrows, Enter picks);
// u marks unreadable; s splits after the page in view (number field, Enter); m merges with
// the next item (after a confirmation); + / - zoom the pages; ? opens and closes the list of
// these keys (Escape closes it too). The texts shown come from the page (data attributes, the
// help overlay), in its language.
"use strict";

function pickerSetup(picker) {
  const filter = picker.querySelector(".filter");
  const hidden = picker.querySelector("input[type=hidden]");
  const chosen = picker.querySelector(".chosen");
  const items = () => [...picker.querySelectorAll("li")].filter((li) => !li.hidden);
  const setActive = (li) => {
    picker.querySelectorAll("li.active").forEach((x) => x.classList.remove("active"));
    if (li) { li.classList.add("active"); li.scrollIntoView({ block: "nearest" }); }
  };
  const choose = (li) => {
    hidden.value = li.dataset.value;
    chosen.textContent = li.firstChild.textContent.trim();
    picker.querySelectorAll("li.current").forEach((x) => x.classList.remove("current"));
    li.classList.add("current");
    filter.value = "";
    filter.blur();
  };
  filter.addEventListener("focus", () => { picker.classList.add("open"); setActive(items()[0]); });
  filter.addEventListener("blur", () => setTimeout(() => picker.classList.remove("open"), 150));
  filter.addEventListener("input", () => {
    const q = filter.value.toLowerCase();
    picker.querySelectorAll("li").forEach((li) => { li.hidden = !li.textContent.toLowerCase().includes(q); });
    setActive(items()[0]);
  });
  filter.addEventListener("keydown", (e) => {
    const list = items();
    const at = list.indexOf(picker.querySelector("li.active"));
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive(list[Math.min(Math.max(at + step, 0), list.length - 1)]);
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (at >= 0) choose(list[at]);
    } else if (e.key === "Escape") {
      filter.value = ""; filter.blur();
    }
  });
  picker.querySelectorAll("li").forEach((li) => li.addEventListener("mousedown", () => choose(li)));
}

function currentZoom() {
  return parseFloat(getComputedStyle(document.documentElement).getPropertyValue("--zoom")) || 1;
}

function zoom(factor) {
  const level = Math.min(Math.max(currentZoom() * factor, 0.5), 4);
  document.documentElement.style.setProperty("--zoom", level.toFixed(2));
}

function pageInView() {
  // The last page whose top is in the upper third of the window (or above it).
  let number = 1;
  document.querySelectorAll("figure.page").forEach((figure, index) => {
    if (figure.getBoundingClientRect().top <= window.innerHeight / 3) number = index + 1;
  });
  return number;
}

function helpSetup(help) {
  // A modal dialog: focus moves into it, back where it was when it closes; Tab stays inside.
  let before = null;
  const open = () => {
    before = document.activeElement;
    help.hidden = false;
    help.focus();
  };
  const close = () => {
    help.hidden = true;
    if (before && before.focus) before.focus();
  };
  document.getElementById("keys-close").addEventListener("click", close);
  help.addEventListener("click", (e) => { if (e.target === help) close(); });
  // capture: while the help is open, no other shortcut acts
  document.addEventListener("keydown", (e) => {
    if (help.hidden) {
      const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(e.target.tagName);
      if (e.key === "?" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault(); e.stopImmediatePropagation(); open();
      }
      return;
    }
    if (e.key === "Escape" || e.key === "?") {
      e.preventDefault(); e.stopImmediatePropagation(); close();
    } else if (e.key === "Tab") {
      e.preventDefault(); document.getElementById("keys-close").focus();
    } else {
      e.stopImmediatePropagation();  // Enter on the close button still clicks it
    }
  }, true);
}

document.addEventListener("DOMContentLoaded", () => {
  const help = document.getElementById("keys");
  if (help) helpSetup(help);
  document.querySelectorAll(".picker").forEach(pickerSetup);
  document.querySelectorAll("img.zoomable").forEach((img) =>
    img.addEventListener("click", () => zoom(currentZoom() > 1 ? 1 / currentZoom() : 2)));
  const form = document.getElementById("decide");
  const merge = document.getElementById("merge");
  if (merge) merge.addEventListener("submit", (e) => {
    if (!window.confirm(merge.dataset.confirm)) e.preventDefault();
  });
  // a file in quarantine that cannot be rendered: say so instead of a broken image
  const missing = (img) => {
    const note = document.createElement("p");
    note.className = "missing";
    note.textContent = img.dataset.missing;
    img.replaceWith(note);
  };
  document.querySelectorAll("img.preview").forEach((img) => {
    if (img.complete && img.naturalWidth === 0) missing(img);
    else img.addEventListener("error", () => missing(img));
  });
  document.addEventListener("keydown", (e) => {
    const typing = ["INPUT", "SELECT", "TEXTAREA", "BUTTON"].includes(e.target.tagName);
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "+" || e.key === "=") zoom(1.25);
    else if (e.key === "-") zoom(0.8);
    if (!form) return;
    if (e.key === "Enter") { e.preventDefault(); form.querySelector("button.primary").click(); }
    else if (e.key === "d") { e.preventDefault(); document.getElementById("doc_type-filter").focus(); }
    else if (e.key === "r") { e.preventDefault(); document.getElementById("route-filter").focus(); }
    else if (e.key === "u") { e.preventDefault(); document.getElementById("unreadable").click(); }
    else if (e.key === "s") {
      const field = document.getElementById("after_page");
      if (!field) return;
      e.preventDefault();
      field.value = Math.min(pageInView(), Number(field.max));
      field.focus();
      field.select();
    } else if (e.key === "m" && merge) { e.preventDefault(); merge.requestSubmit(); }
  });
});
