// Regenerates docs/rules.md from the rules registry.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc } from '../core/checks/rules-doc';

writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), renderRulesDoc());
console.log('docs/rules.md written');
