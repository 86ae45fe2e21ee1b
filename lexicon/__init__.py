"""Glossary terms shared by the action server and bot/ (no Rasa import here)."""
