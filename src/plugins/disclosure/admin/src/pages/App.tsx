import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { DashboardPage } from './DashboardPage';
import { SyndicationPage } from './SyndicationPage';

const App = () => (
  <Routes>
    <Route index element={<DashboardPage />} />
    <Route path="syndication" element={<SyndicationPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
