import { Controller, Delete, Get, Param, SetMetadata, UseGuards } from '@nestjs/common';
import { JwtGuard, ROLES_KEY } from '../auth/jwt.guard';
import { UsersService } from './users.service';

@Controller('users')
@UseGuards(JwtGuard)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.users.getProfile(id);
  }

  @Delete(':id')
  @SetMetadata(ROLES_KEY, ['admin'])
  remove(@Param('id') id: string) {
    return this.users.remove(id);
  }
}
