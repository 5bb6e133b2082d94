"""The small core every capability stands on: database, text, interactions, the Discord publisher."""
