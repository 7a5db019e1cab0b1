"""The Sessions (home) screen: the folder's sessions, new sessions and carry-over."""
