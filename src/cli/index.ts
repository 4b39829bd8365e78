process.stdout.write('ai-access-diff: the command-line interface is being assembled.\n');
