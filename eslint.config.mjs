import nx from '@nx/eslint-plugin';

/**
 * Module boundaries make the architecture enforceable (docs/architecture.md):
 * domain code depends only on domain code and the kernel's pure types; adapters and apps sit at the edge.
 */
export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  { ignores: ['**/dist', '**/node_modules', '**/data', '**/tmp', 'infra/**/.dist'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:kernel', onlyDependOnLibsWithTags: ['type:kernel'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel'] },
            // A projection may be typed against other contexts' shared-event contracts (the customer 360 read side is).
            { sourceTag: 'type:projections', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:contract'] },
            { sourceTag: 'type:integration', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:integration'] },
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:runtime', 'type:projections', 'type:contract'],
            },
            {
              sourceTag: 'type:api',
              onlyDependOnLibsWithTags: [
                'type:application',
                'type:domain',
                'type:kernel',
                'type:runtime',
                'type:projections',
                'type:integration',
                'type:contract',
              ],
            },
            { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:kernel', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:kernel'] },
            { sourceTag: 'type:runtime', onlyDependOnLibsWithTags: ['type:kernel', 'type:adapter', 'type:integration'] },
            { sourceTag: 'type:contract', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:integration'] },
            { sourceTag: 'type:relay', onlyDependOnLibsWithTags: ['type:kernel', 'type:runtime', 'type:integration', 'type:domain'] },
            // Replay and audit use cases (issue 18): over the ports, folding the log through the contexts' own projections.
            {
              sourceTag: 'type:replay',
              onlyDependOnLibsWithTags: [
                'type:kernel',
                'type:runtime',
                'type:application',
                'type:projections',
                'type:contract',
                'type:domain',
              ],
            },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['*'] },
            // The list of contexts a process runs (the platform and the gateway share it).
            { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['*'] },
            // Bounded contexts stay apart: a context imports only its own libs, the shared ones (kernel,
            // runtime, stores, integration) and other contexts' published contracts — never their code.
            { sourceTag: 'scope:contacts', onlyDependOnLibsWithTags: ['scope:contacts', 'scope:shared', 'type:contract'] },
            { sourceTag: 'scope:sales', onlyDependOnLibsWithTags: ['scope:sales', 'scope:shared', 'type:contract'] },
            { sourceTag: 'scope:tickets', onlyDependOnLibsWithTags: ['scope:tickets', 'scope:shared', 'type:contract'] },
            { sourceTag: 'scope:loyalty', onlyDependOnLibsWithTags: ['scope:loyalty', 'scope:shared', 'type:contract'] },
            { sourceTag: 'scope:surveys', onlyDependOnLibsWithTags: ['scope:surveys', 'scope:shared', 'type:contract'] },
            { sourceTag: 'scope:customer360', onlyDependOnLibsWithTags: ['scope:customer360', 'scope:shared', 'type:contract'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Domain code is pure: no framework, no I/O, no clock.
    files: ['libs/*/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'better-sqlite3', 'mongodb', 'kafkajs', '@eventstore/*', 'node:fs', 'fs', 'node:net', 'node:http'],
              message: 'Domain code is pure: no framework or I/O imports.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use the injected Clock (time comes in with the command).',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Use the injected Clock (time comes in with the command).',
        },
      ],
    },
  },
];
