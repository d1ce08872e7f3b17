/**
 * Passwords live only in VS Code's SecretStorage (the OS keychain), one per endpoint + user (core's secretKey:
 * transport, host, port, SOAP URL, TLS trust), never per server name: a settings entry that keeps a name but
 * points elsewhere finds no password and asks. They are asked once with a password box and stored only after a
 * successful login, so a typo is not remembered. A 0.1.0 password (keyed by name + user) is deleted unread.
 */
import * as vscode from 'vscode';
import { legacySecretKey, secretKey, serverAddress, type ServerConfig } from '../../core/send';

export interface PasswordLookup {
  password: string;
  /** True when it came from SecretStorage (so a failed login should forget it). */
  stored: boolean;
}

type Endpoint = Pick<ServerConfig, 'name' | 'transport' | 'host' | 'port' | 'soapUrl' | 'username' | 'tls'>;

export class Passwords {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(server: ServerConfig): Promise<PasswordLookup | undefined> {
    const stored = await this.secrets.get(secretKey(server));
    if (stored) return { password: stored, stored: true };
    // Which endpoint a name-keyed password was typed for is unknown: never send it anywhere.
    await this.secrets.delete(legacySecretKey(server));
    const typed = await vscode.window.showInputBox({
      title: 'OCI-P: Password',
      prompt: `Password of ${server.username} on ${server.name} (${serverAddress(server)}), kept in the OS secret store for this address only`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v ? undefined : 'Enter the password'),
    });
    return typed ? { password: typed, stored: false } : undefined;
  }

  /** The stored password only, never a prompt (checks on save). */
  async stored(server: ServerConfig): Promise<string | undefined> {
    return (await this.secrets.get(secretKey(server))) || undefined;
  }

  store(server: Endpoint, password: string): Thenable<void> {
    return this.secrets.store(secretKey(server), password);
  }

  async forget(server: Endpoint): Promise<void> {
    await this.secrets.delete(secretKey(server));
    await this.secrets.delete(legacySecretKey(server));
  }
}
