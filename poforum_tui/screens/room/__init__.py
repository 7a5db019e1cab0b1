"""The room as the facilitator sees it: the panel with the join URL, QR code and roster, and
the Board's room controls. The app (app/room.py) runs the server; these only draw and ask."""
