import isSuperAdmin from './is-super-admin';

export default {
  'is-super-admin': isSuperAdmin,
};
