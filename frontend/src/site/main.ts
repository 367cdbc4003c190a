import './site.css'
import { enhanceElderToggle } from './elder'

enhanceElderToggle(document)
