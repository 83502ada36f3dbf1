// An application instance in a process of its own, which a test can kill: started by the fault tests.
import 'reflect-metadata';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/app-config';

void createApp(loadConfig(process.env)).then(() => process.stdout.write('ready\n'));
