/**
 * Passwords live only in VS Code's SecretStorage (the OS keychain), one per server name + user. They are asked
 * once with a password box and stored only after a successful login, so a typo is not remembered.
 */
import * as vscode from 'vscode';
import { secretKey, type ServerConfig } from '../../core/send';

export interface PasswordLookup {
  password: string;
  /** True when it came from SecretStorage (so a failed login should forget it). */
  stored: boolean;
}

export class Passwords {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(server: ServerConfig): Promise<PasswordLookup | undefined> {
    const stored = await this.secrets.get(secretKey(server));
    if (stored) return { password: stored, stored: true };
    const typed = await vscode.window.showInputBox({
      title: 'OCI-P: Password',
      prompt: `Password of ${server.username} on ${server.name} (kept in the OS secret store)`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v ? undefined : 'Enter the password'),
    });
    return typed ? { password: typed, stored: false } : undefined;
  }

  store(server: Pick<ServerConfig, 'name' | 'username'>, password: string): Thenable<void> {
    return this.secrets.store(secretKey(server), password);
  }

  forget(server: Pick<ServerConfig, 'name' | 'username'>): Thenable<void> {
    return this.secrets.delete(secretKey(server));
  }
}
