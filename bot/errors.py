"""Exceptions the command line turns into one clear line; kept free of heavy imports."""


class SettingsError(Exception):
    """A setting is missing or malformed; the message is one line naming it."""


class StorageError(Exception):
    """The database cannot be opened or is held by another instance; the message is one line."""
