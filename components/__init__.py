"""Custom Rasa NLU components, loaded by module path from config.yml."""
