"""The web chat: a translator between HTTP and the Assistant (app.py), its messages (store.py)."""
