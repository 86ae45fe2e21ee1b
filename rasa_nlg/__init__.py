"""Rasa-side plugin: render responses inside the Rasa process (no HTTP hop to bot/)."""
