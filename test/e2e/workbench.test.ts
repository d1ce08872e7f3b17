// The packaged extension in a real VS Code (code-server + Chromium): installed, language modes contributed,
// and activated by opening an OCI-P file.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { VSCodeSession, e2eTest } from './harness';
import { localizedManifest } from '../helpers/manifest';

const manifest = localizedManifest();
let vs: VSCodeSession | undefined;

before(async () => {
  vs = await VSCodeSession.start();
});

after(async () => {
  await vs?.close();
});

e2eTest(
  'an .ocip.yaml file opens in the OCI-P YAML language mode',
  () => vs,
  async () => {
    await vs!.openFile('valid.ocip.yaml');
    await vs!.waitForLanguageMode('OCI-P YAML');
  },
);

e2eTest(
  'an .ocip.xml file opens in the OCI-P XML language mode',
  () => vs,
  async () => {
    await vs!.openFile('missing-lastName.ocip.xml');
    await vs!.waitForLanguageMode('OCI-P XML');
  },
);

e2eTest(
  'the extension is installed from the .vsix and activated without error',
  () => vs,
  async () => {
    const row = await vs!.runningExtension(manifest.displayName);
    assert.match(row, new RegExp(`${manifest.displayName} ${manifest.version.replace(/\./g, '\\.')}`));
    assert.match(row, /Activation: \d+(\.\d+)?ms/);
    assert.doesNotMatch(row, /failed|error/i);
  },
);
