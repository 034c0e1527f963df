import { CreateNotificationTables1763712300000 } from './1763712300000-create-notification-tables';
import { ContactVersions1763720500000 } from './1763720500000-contact-versions';
import { ContactBoards1764600000000 } from './1764600000000-contact-boards';
import { NotificationProcessedEventsByTime1764540000000 } from './1764540000000-processed-events-by-time';

/** The service's migrations, oldest first: what it applies at boot under the database's migration lock. */
export const NOTIFICATION_MIGRATIONS = [
  CreateNotificationTables1763712300000,
  ContactVersions1763720500000,
  NotificationProcessedEventsByTime1764540000000,
  ContactBoards1764600000000,
];
