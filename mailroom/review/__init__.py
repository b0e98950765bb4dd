"""The review web app: people decide the items the classifier was not sure about."""
