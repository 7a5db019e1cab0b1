"""The Agenda: timeboxed items, the live timer in big digits, the meeting clock."""
