/** The language status's server item on the desktop: the server Send would use (client/language-status.ts). */
import type { SendTarget } from '../language-status';
import { serverAddress } from '../../core/send';
import { activeServer, onDidChangeServers } from './servers';

export const desktopSendTarget: SendTarget = {
  current() {
    const active = activeServer();
    return {
      text: active ? `Send to ${active.name}` : 'No OCI-P server',
      detail: active ? `${serverAddress(active)} as ${active.username}` : undefined,
      warning: !!active?.production,
      command: { title: 'Select Server', command: 'ocip.selectServer' },
    };
  },
  onDidChange: onDidChangeServers,
};
