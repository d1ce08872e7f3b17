// Test helper (not a test): runs `ocip sim` through runSimCli in a child process.
import { runSimCli } from '../../sim/main';

runSimCli(process.argv.slice(2)).then((code) => process.exit(code));
