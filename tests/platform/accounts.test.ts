/** Account bindings: an input a provider is bound to must be one the platform takes. */
import { describe, expect, it } from 'vitest';
import { addUser, AccountError, findUser, updateUser } from '../../pipeline/platform/accounts.ts';
import { openAppDb } from '../../pipeline/platform/app-db.ts';

describe('input bindings', () => {
  it('refuses an input the platform does not take, when an account is added or changed, and binds the ones it does', async () => {
    const db = openAppDb(':memory:');
    await expect(addUser(db, { username: 'rsj', role: 'provider', inputs: ['demand', 'postigns'] })).rejects.toThrow(AccountError);
    await expect(addUser(db, { username: 'rsj', role: 'provider', inputs: ['demand', 'postigns'] })).rejects.toThrow('"postigns"');
    expect(findUser(db, 'rsj')).toBeUndefined();
    await addUser(db, { username: 'rsj', role: 'provider', inputs: ['demand', 'postings', 'programme_listing'] });
    expect(() => updateUser(db, 'rsj', { inputs: ['nonsense'] })).toThrow('"nonsense"');
    expect(findUser(db, 'rsj')!.inputs).toEqual(['demand', 'postings', 'programme_listing']);
    // An account bound before the check to an input it misspelt can still be changed otherwise.
    db.prepare(`INSERT INTO user_inputs SELECT id, 'old_typo' FROM users WHERE username = 'rsj'`).run();
    expect(updateUser(db, 'rsj', { disabled: true }).disabled).toBe(true);
    db.close();
  });
});
