"""Bank files in and out: strict YAML with line:column errors, discovery of bank folders."""
