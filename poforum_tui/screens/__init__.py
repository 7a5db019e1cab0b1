"""One module (+ .tcss) per screen: Sessions, Agenda, Board, Decisions, and modal forms."""
