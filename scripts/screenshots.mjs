// Saves the README screenshots with the e2e harness (the packaged extension in a real VS Code, code-server):
//   media/screenshot-yaml.png  diagnostics in an OCI-P YAML file and a hover
//   media/screenshot-xml.png   diagnostics in an OCI-P XML file
//   media/screenshot-send.png  "Send to BroadWorks" against the simulator: the OCI-P Results view
// npm run screenshots     (the npm script runs `node --import tsx`, so the harness's TypeScript loads)
// Each shot waits for what it shows and fails with a clear message when it is not there; the other shots are
// still taken. Exit code 1 if any shot failed. The simulator runs in this process on a random loopback port.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VSCodeSession } from '../test/e2e/harness.ts';
import { REPO_ROOT } from '../test/e2e/prerequisites.ts';
import { startSimulator } from '../sim/index.ts';

const outDir = join(REPO_ROOT, 'media');
const seed = JSON.parse(readFileSync(join(REPO_ROOT, 'sim/seed.example.json'), 'utf8'));
const admin = seed.accounts.find((a) => a.level === 'System');
const SERVER = 'Local simulator';
const XML_WITH_MISTAKES = 'add-user-mistakes.ocip.xml';

/** 1-based line and column of the first line containing `text` in the active editor. */
async function positionOf(vs, text) {
  const lines = (await vs.readEditorText()).split('\n');
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in the open file`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

/** examples/add-user.ocip.xml with three typical mistakes: lastName left out, elements out of order, a misspelt service. */
function xmlWithMistakes() {
  return readFileSync(join(REPO_ROOT, 'examples/add-user.ocip.xml'), 'utf8')
    .replace(/\n\s*<lastName>Ortiz<\/lastName>/, '')
    .replace(/(<phoneNumber>[^<]*<\/phoneNumber>)(\s*)(<extension>[^<]*<\/extension>)/, '$3$2$1')
    .replace('<userServiceName>Authentication</userServiceName>', '<userServiceName>Voicemail</userServiceName>');
}

const shots = [
  {
    name: 'screenshot-yaml',
    async take(vs) {
      const file = 'typical-mistakes.ocip.yaml';
      await vs.openFile(`mistakes/${file}`);
      await vs.waitForProblem(/service_provider_id/, file);
      await vs.waitForProblem(/Voicemail/, file);
      const at = await positionOf(vs, 'service_provider_id');
      await vs.waitForSquiggle(at.line);
      await vs.hoverAt(at.line, at.column + 4);
    },
  },
  {
    name: 'screenshot-xml',
    async take(vs) {
      await vs.page.keyboard.press('Escape');
      await vs.runCommand('View: Close All Editors');
      await vs.openFile(XML_WITH_MISTAKES);
      await vs.waitForProblem(/lastName/, XML_WITH_MISTAKES);
      await vs.waitForProblem(/Voicemail/, XML_WITH_MISTAKES);
      const at = await positionOf(vs, 'UserConsolidatedAddRequest22');
      await vs.waitForSquiggle(at.line);
      await vs.goTo(at.line, at.column);
    },
  },
  {
    name: 'screenshot-send',
    async take(vs) {
      await vs.clearNotifications();
      await vs.runCommand('View: Close All Editors');
      await vs.runCommand('View: Hide Panel');
      // The results table is wide: give the two editors a wider window without the side bar.
      await vs.page.setViewportSize({ width: 1480, height: 760 });
      await vs.runCommand('View: Toggle Primary Side Bar Visibility');
      await vs.openFile('add-user-minimal.ocip.yaml');
      await vs.waitForStatusBarItem(SERVER);
      await vs.runCommand('OCI-P: Send to BroadWorks');
      await vs.answerInputBox('OCI-P: Password', admin.password);
      await vs.waitForMessage(/^OCI-P: 1 of 1 command succeeded\.$/);
      await vs.waitForEditorText('OCI-P Results', /\| OK$/m);
      // Back to the sent file, so its tab is the focused one and the results are beside it.
      await vs.runCommand('View: Focus First Editor Group');
      await vs.waitForMessage(/succeeded/);
      await vs.waitForNoMessage(/^OCI-P: sending/);
    },
  },
];

const stateDir = mkdtempSync(join(tmpdir(), 'ocip-screenshots-'));
const sim = await startSimulator({ tcpPort: 0, stateFile: join(stateDir, 'state.json') });
let vs;
let failed = 0;
try {
  vs = await VSCodeSession.start({
    workspace: join(REPO_ROOT, 'examples'),
    viewport: { width: 1280, height: 760 },
    settings: {
      'ocip.servers': [{ name: SERVER, host: '127.0.0.1', port: sim.ports.tcp, transport: 'tcp', username: admin.userId }],
      'ocip.activeServer': SERVER,
    },
  });
  writeFileSync(join(vs.workspaceDir, XML_WITH_MISTAKES), xmlWithMistakes());
  for (const shot of shots) {
    try {
      await shot.take(vs);
      console.log(`screenshots: ${await vs.screenshot(shot.name, outDir)}`);
    } catch (error) {
      failed++;
      const path = await vs.screenshot(`FAILED-${shot.name}`);
      console.error(`screenshots: ${shot.name} failed (${path}): ${error instanceof Error ? error.message : error}`);
    }
  }
} finally {
  await vs?.close();
  await sim.close();
  rmSync(stateDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
