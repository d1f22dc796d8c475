import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { ApplicationCasePage } from './ApplicationCasePage';
import { AnnualReportPage } from './AnnualReportPage';
import { ApplicationsPage } from './ApplicationsPage';
import { DashboardPage } from './DashboardPage';
import { MessageCasePage } from './MessageCasePage';
import { MessagesPage } from './MessagesPage';
import { SyndicationPage } from './SyndicationPage';

const App = () => (
  <Routes>
    <Route index element={<DashboardPage />} />
    <Route path="syndication" element={<SyndicationPage />} />
    <Route path="applications" element={<ApplicationsPage />} />
    <Route path="applications/:documentId" element={<ApplicationCasePage />} />
    <Route path="messages" element={<MessagesPage />} />
    <Route path="messages/:documentId" element={<MessageCasePage />} />
    <Route path="annual-report" element={<AnnualReportPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
