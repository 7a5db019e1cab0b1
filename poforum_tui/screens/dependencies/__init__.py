"""Dependencies (key 4): who needs what from whom by when, escalations, the confidence vote."""
