"""iCalendar feeds of the meetings: one builder for every feed, with conditional GET."""
