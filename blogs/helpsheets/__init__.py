"""Help sheets for staff, pupils and parents: libraries, sheets, topics and review reminders."""
