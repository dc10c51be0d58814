"""The engines: the pipeline as a Markdown extension, and what runs after an engine has built."""
