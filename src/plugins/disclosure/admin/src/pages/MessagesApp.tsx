import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { MessageCasePage } from './MessageCasePage';
import { MessageStatisticsPage } from './MessageStatisticsPage';
import { MessagesPage } from './MessagesPage';

/** The 意见箱 menu link's pages: the list, the monthly statistics, and a message by its documentId. */
const MessagesApp = () => (
  <Routes>
    <Route index element={<MessagesPage />} />
    {/* Before :documentId, as on the server: no documentId reads "statistics". */}
    <Route path="statistics" element={<MessageStatisticsPage />} />
    <Route path=":documentId" element={<MessageCasePage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default MessagesApp;
