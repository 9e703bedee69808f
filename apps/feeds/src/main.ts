// The briefing-feeds command's entry point: it checks the Node.js version before the command
// loads (its modules need node:sqlite, which an older Node cannot even load).
import { exitUnlessSupportedNode } from '@briefing/repo/supported-node';

exitUnlessSupportedNode('briefing-feeds');
await import('./cli.js');
