"""Public web service of the GPMI/PIIS assistant: chat widget, chat API and Rasa's NLG endpoint."""
