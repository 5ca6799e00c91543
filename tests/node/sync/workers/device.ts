// One device's process: runs `leverage` commands (the CLI's own code path, each opening and closing
// the journal) sent as JSON lines on stdin, one at a time, and answers each with a JSON line.
import readline from 'node:readline';
import { runCli } from '../../../../src/cli/program.ts';

let queue = Promise.resolve();
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  queue = queue.then(async () => {
    const { id, args } = JSON.parse(line) as { id: number; args: string[] };
    let out = '';
    let err = '';
    const code = await runCli(args, { stdout: (text) => (out += text), stderr: (text) => (err += text), env: process.env, cwd: process.cwd() });
    process.stdout.write(`${JSON.stringify({ id, code, out, err, pid: process.pid })}\n`);
  });
});
process.stdout.write('ready\n');
