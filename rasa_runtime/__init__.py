"""What the Rasa process runs besides Rasa itself: a faster tracker store and a launcher."""
