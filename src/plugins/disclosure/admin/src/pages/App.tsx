import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { CompliancePage } from './CompliancePage';

const App = () => (
  <Routes>
    <Route index element={<CompliancePage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
