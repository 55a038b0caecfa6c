/** `npm run users`: accounts of the shared platform, from the command line (the admin page does the same). */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULTS } from '../config/paths.ts';
import { appDbPath, openAppDb, ROLES, type Role } from '../platform/app-db.ts';
import { addUser, createUploadToken, listUsers, revokeUploadTokens, setPassword, updateUser } from '../platform/accounts.ts';
import { audit } from '../platform/audit.ts';
import { setSchedule } from '../platform/deliveries.ts';

export const help = `用法 Usage: npm run users -- <command> [options]

管理协同平台的账号（保存在 <warehouse>/app.sqlite）。
Manages the platform's accounts, stored in <warehouse>/app.sqlite. Once one account exists the
server asks everyone to sign in; without accounts it serves only 127.0.0.1, login-free.

Commands:
  list                         every account with its role and bindings
  add NAME --role ROLE         a new account; ROLE is ${ROLES.join(' | ')}
      --school CODE            (school) a school it may see; repeat for a group of schools
      --input TABLE            (provider, school) an input it may submit, e.g. demand; repeat
      --name TEXT              display name, e.g. 市人社局
  passwd NAME                  sets a new password that must be changed at the next login
  set NAME                     changes --role, --school, --input, --name, --disable or --enable
  token NAME [--label TEXT]    a new upload token for a provider's scripted deliveries (shown once)
  revoke-tokens NAME           revokes every upload token of the account
  schedule TABLE DAYS|none     expected delivery interval of an input, for 数据状态's overdue flag

Passwords: with --password-stdin the password is read from the first line of standard input;
otherwise a random one is generated and printed once, and must be changed at the first login.

  --warehouse DIR   warehouse folder (default warehouse)
  -h, --help        this help`;

/** The first line of standard input (a pipe or a file: `… --password-stdin < secret`). */
const firstLine = () => readFileSync(0, 'utf8').split(/\r?\n/, 1)[0];

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      warehouse: { type: 'string', default: DEFAULTS.warehouseDir },
      role: { type: 'string' },
      school: { type: 'string', multiple: true },
      input: { type: 'string', multiple: true },
      name: { type: 'string' },
      label: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      disable: { type: 'boolean' },
      enable: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, target, extra] = positionals;
  if (values.help || !command) return console.log(help), command || values.help ? 0 : 2;
  const db = openAppDb(appDbPath(values.warehouse));
  const actor = `cli:${process.env.USER ?? 'unknown'}`;
  const password = async () => {
    if (values['password-stdin']) return { password: firstLine().trim(), generated: false };
    return { password: randomBytes(12).toString('base64url'), generated: true };
  };
  try {
    switch (command) {
      case 'list': {
        for (const u of listUsers(db)) {
          const bound = [u.schools.length ? `schools ${u.schools.join(',')}` : '', u.inputs.length ? `inputs ${u.inputs.join(',')}` : ''].filter(Boolean).join('; ');
          console.log(`${u.username.padEnd(20)} ${u.role.padEnd(9)} ${u.disabled ? '停用 disabled ' : ''}${u.display_name} ${bound}`.trimEnd());
        }
        return 0;
      }
      case 'add': {
        if (!target) throw new Error('add NAME --role ROLE');
        const { password: pw, generated } = await password();
        const user = await addUser(db, {
          username: target, role: values.role as Role, password: pw, display_name: values.name,
          schools: values.school, inputs: values.input, must_change_password: generated,
        });
        audit(db, { actor, action: 'user_added', target: user.username, detail: `${user.role} ${user.schools.join(',')} ${user.inputs.join(',')}`.trim() });
        console.log(`✓ 已创建 created ${user.username} (${user.role})`);
        if (generated) console.log(`  初始密码 one-time password: ${pw}   (首次登录须修改 must be changed at first login)`);
        return 0;
      }
      case 'passwd': {
        if (!target) throw new Error('passwd NAME');
        const { password: pw, generated } = await password();
        await setPassword(db, target, pw, true);
        audit(db, { actor, action: 'password_reset', target });
        console.log(`✓ 已重置 password reset for ${target}${generated ? `: ${pw}` : ''}   (下次登录须修改 must be changed at next login)`);
        return 0;
      }
      case 'set': {
        if (!target) throw new Error('set NAME [options]');
        const change = {
          ...(values.role && { role: values.role as Role }), ...(values.name !== undefined && { display_name: values.name }),
          ...(values.school && { schools: values.school }), ...(values.input && { inputs: values.input }),
          ...(values.disable && { disabled: true }), ...(values.enable && { disabled: false }),
        };
        const user = updateUser(db, target, change);
        audit(db, { actor, action: 'user_changed', target, detail: JSON.stringify(change) });
        console.log(`✓ ${user.username}: ${user.role}${user.disabled ? ' (停用 disabled)' : ''}`);
        return 0;
      }
      case 'token': {
        if (!target) throw new Error('token NAME');
        const token = createUploadToken(db, target, values.label);
        audit(db, { actor, action: 'token_created', target });
        console.log(`上传令牌 upload token for ${target} (只显示这一次 shown once):\n${token}`);
        return 0;
      }
      case 'revoke-tokens': {
        if (!target) throw new Error('revoke-tokens NAME');
        console.log(`✓ ${revokeUploadTokens(db, target)} 个令牌已撤销 tokens revoked`);
        return 0;
      }
      case 'schedule': {
        if (!target || !extra) throw new Error('schedule TABLE DAYS|none');
        const days = extra === 'none' ? null : Number(extra);
        setSchedule(db, target, days, { actor });
        console.log(`✓ ${target}: ${days === null ? '无计划 no schedule' : `每 ${days} 天 every ${days} days`}`);
        return 0;
      }
      default:
        console.error(`未知命令 unknown command "${command}"\n\n${help}`);
        return 2;
    }
  } finally {
    db.close();
  }
}
