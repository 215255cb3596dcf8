process.stdout.write('legible: not built yet\n');
