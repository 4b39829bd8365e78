process.stdout.write('ai-access-diff: the action is being assembled.\n');
