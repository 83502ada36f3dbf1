import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DatabaseModule } from '../database/database.module';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { JWT_ALGORITHM } from './auth.constants';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User]),
    DatabaseModule,
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        if (!config.jwtSecret) throw new Error('JWT secret missing: main() must provide one in embedded mode');
        return {
          // A key object, not the string: given a string, jsonwebtoken first tries to parse it as a public
          // key on every verification, and that failed parse cost more than the rest of a list request.
          secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
          signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.jwtExpiresInSeconds },
          // Pinning the algorithm refuses `alg: none` and algorithm-confusion tokens.
          verifyOptions: { algorithms: [JWT_ALGORITHM] },
        };
      },
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}
