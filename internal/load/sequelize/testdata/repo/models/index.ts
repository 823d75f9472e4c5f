import { User } from './user';
import { Team } from './team';

Team.hasMany(User, { foreignKey: 'teamId' });
