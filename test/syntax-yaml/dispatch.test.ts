import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat, parseSource } from '../../core/syntax/index';
import { parseYaml } from '../../core/syntax/yaml';
import { USER_ADD, USER_DELETE } from './helpers';

const BROADSOFT = '<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">';

test('detectFormat by file name', () => {
  assert.equal(detectFormat('users.ocip.yaml', ''), 'yaml');
  assert.equal(detectFormat('/a/b/Users.OCIP.YML', ''), 'yaml');
  assert.equal(detectFormat('c:\\x\\run.ocip.xml', ''), 'xml');
  assert.equal(detectFormat('users.yaml', USER_ADD), undefined);
  assert.equal(detectFormat('notes.txt', BROADSOFT), undefined);
});

test('detectFormat: any .xml whose first element is BroadsoftDocument', () => {
  assert.equal(detectFormat('a.xml', `${BROADSOFT}</BroadsoftDocument>`), 'xml');
  assert.equal(detectFormat('a.xml', `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- generated -->\n\n  ${BROADSOFT}`), 'xml');
  assert.equal(detectFormat('a.xml', '<?xml version="1.0"?><!DOCTYPE x><c:BroadsoftDocument xmlns:c="C"/>'), 'xml');
  assert.equal(detectFormat('pom.xml', '<?xml version="1.0"?>\n<project><BroadsoftDocument/></project>'), undefined);
  assert.equal(detectFormat('a.xml', '<BroadsoftDocumentX/>'), undefined);
  assert.equal(detectFormat('a.xml', '<!-- never closed <BroadsoftDocument>'), undefined);
  assert.equal(detectFormat('a.xml', ''), undefined);
});

test('parseSource dispatches on the format', () => {
  const text = `${USER_ADD}---\n${USER_DELETE}`;
  const yaml = parseSource(text, 'yaml');
  assert.deepEqual(yaml, parseYaml(text));
  // The shared incremental parser gives the same tree on repeated and edited parses.
  const edited = text.replace('old@', 'older@');
  assert.deepEqual(parseSource(edited, 'yaml'), parseYaml(edited));

  const xml = parseSource(
    `<?xml version="1.0"?>\n${BROADSOFT}<command xsi:type="UserDeleteRequest" xmlns=""><userId>a</userId></command></BroadsoftDocument>`,
    'xml',
  );
  assert.equal(xml.format, 'xml');
  assert.deepEqual(
    xml.commands.map((c) => c.name),
    ['UserDeleteRequest'],
  );
});
