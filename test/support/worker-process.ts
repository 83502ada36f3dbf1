// An application instance in a process of its own, which a test can kill or run beside another: started
// by the fault and concurrency tests. With APP_ROLE=worker it serves no HTTP; otherwise it listens on PORT.
import 'reflect-metadata';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';

const config = loadConfig(process.env);
void createApp(config)
  .then((app) => (config.appRole === 'worker' ? undefined : app.listen(config.port, '127.0.0.1')))
  .then(() => process.stdout.write('ready\n'));
