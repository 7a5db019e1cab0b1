"""The room: participants join from their own browser, add topics and dot-vote live.

A surface of the session core like the Textual app: every request becomes a pure domain
operation handed to `RoomHost.change`, so the facilitator's session stays the one writer.
Starlette, uvicorn, Jinja2 and segno are imported only when a room opens (`room.server`).
"""
