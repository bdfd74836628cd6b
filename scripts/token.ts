import { ConfigError, tokenCommand } from '@c360/runtime';

// `npm run token -- --role agent --user agent-1 [--ttl 8h]`: prints a bearer token for the platform in ./data (or C360_DATA_DIR).
tokenCommand(process.argv.slice(2)).then(
  (token) => console.log(token),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof TypeError ? error.message : error);
    process.exit(1);
  },
);
