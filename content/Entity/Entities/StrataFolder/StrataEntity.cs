using Contoso.Shop.Common;

namespace Contoso.Shop.Entities.StrataFolder;

#if (auditable)
public class StrataEntity : AuditableEntity
#else
public class StrataEntity : BaseEntity
#endif
{
}
