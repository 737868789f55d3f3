"""One module per subcommand; each holds the command's logic, the CLI only parses options."""
