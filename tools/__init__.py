"""Developer tools: start the whole stack, measure, evaluate."""
