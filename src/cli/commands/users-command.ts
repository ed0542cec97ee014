import type { Command } from '../command.ts';

export const usersCommand: Command = {
  name: 'users',
  summary: 'list users, their roles and territories',
  usage: 'omni users [--json]',
  details: 'JSON output: an array of {id, name, role, territories, team, slackUserId, synthetic}.',
  options: { json: { type: 'boolean', default: false } },
  run({ values }, context) {
    const store = context.openStore();
    try {
      const users = store.users.list();
      if (values.json) {
        context.out(JSON.stringify(users));
        return 0;
      }
      if (users.length === 0) context.out('No users yet: run omni init, or omni import users <file>.');
      for (const user of users) {
        context.out(
          `${user.id.padEnd(18)} ${user.role.padEnd(16)} ${user.name.padEnd(20)} ${(user.territories.join(',') || '(all)').padEnd(12)} ${user.slackUserId ?? ''}${user.synthetic ? '  synthetic' : ''}`,
        );
      }
      return 0;
    } finally {
      store.close();
    }
  },
};
